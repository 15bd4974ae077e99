# A forward of port 80 onto the range 9000-9010, and a drop of port 9005 between LAN subnets. For a port
# outside to-ports the router picks a port of the range, and which one depends on its kernel (a random
# offset on RouterOS 7): connections it sends to 9005 are dropped, so natlint reports that choice as an
# assumption instead of deciding from the range's first port.
/interface bridge add name=bridge
/interface bridge port add bridge=bridge interface=ether2
/interface vlan add interface=bridge name=vlan20 vlan-id=20
/interface list add name=WAN
/interface list add name=LAN
/interface list member add interface=ether1 list=WAN
/interface list member add interface=bridge list=LAN
/interface list member add interface=vlan20 list=LAN
/ip address add address=192.168.88.1/24 interface=bridge
/ip address add address=192.168.20.1/24 interface=vlan20
/ip address add address=203.0.113.2/24 interface=ether1
/ip route add gateway=203.0.113.1
/ip firewall nat add chain=srcnat action=masquerade out-interface-list=WAN
/ip firewall nat add chain=dstnat dst-address=203.0.113.2 protocol=tcp dst-port=80 action=dst-nat to-addresses=192.168.20.10 to-ports=9000-9010 # expect: hairpin-filtered
/ip firewall filter add chain=forward action=accept connection-state=established,related
/ip firewall filter add chain=forward action=drop connection-state=new in-interface=bridge out-interface=vlan20 protocol=tcp dst-port=9005
/ip firewall nat add chain=srcnat action=masquerade src-address=192.168.20.0/24 dst-address=192.168.20.10 protocol=tcp dst-port=9000-9010 out-interface=vlan20
