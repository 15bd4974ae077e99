# Two uplinks and a forward on the backup, with the connection and routing marks that send replies back out of it.
/interface ethernet set [ find default-name=ether1 ] name=ether1-cable
/interface ethernet set [ find default-name=ether2 ] name=ether2-fibre
/interface bridge add name=bridge
/interface bridge port add bridge=bridge interface=ether3
/interface list add name=WAN
/interface list member add interface=ether1-cable list=WAN
/interface list member add interface=ether2-fibre list=WAN
/ip address add address=192.168.88.1/24 interface=bridge
/ip address add address=198.51.100.10/24 interface=ether2-fibre
/ip dhcp-client add interface=ether1-cable
/ip route add gateway=198.51.100.1 distance=2
/ip firewall nat add chain=srcnat action=masquerade out-interface-list=WAN
/ip firewall nat add chain=dstnat dst-address=198.51.100.10 protocol=tcp dst-port=443 action=dst-nat to-addresses=192.168.88.10
/ip firewall nat add chain=srcnat action=masquerade src-address=192.168.88.0/24 dst-address=192.168.88.10 protocol=tcp dst-port=443 out-interface=bridge
/routing table add name=via-fibre fib
/ip route add dst-address=0.0.0.0/0 gateway=198.51.100.1 routing-table=via-fibre
/ip firewall mangle add action=mark-connection chain=prerouting connection-state=new in-interface=ether2-fibre new-connection-mark=from-fibre passthrough=yes
/ip firewall mangle add action=mark-routing chain=prerouting connection-mark=from-fibre in-interface=!ether2-fibre new-routing-mark=via-fibre passthrough=no
