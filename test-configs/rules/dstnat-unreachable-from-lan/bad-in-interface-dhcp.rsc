# DHCP on the WAN: the public address is not in the script.
/interface bridge add name=bridge
/interface bridge port add bridge=bridge interface=ether2
/ip address add address=192.168.88.1/24 interface=bridge
/ip dhcp-client add interface=ether1
/ip firewall nat add chain=srcnat action=masquerade out-interface=ether1
/ip firewall nat add chain=dstnat in-interface=ether1 protocol=tcp dst-port=8080 action=dst-nat to-addresses=192.168.88.10 to-ports=80 # expect: dstnat-unreachable-from-lan
